/** A text page (privacy policy, accessibility statement) as data: headings, paragraphs, lists, links. */
export interface ContentSection {
  heading: string;
  paragraphs?: string[];
  items?: string[];
  links?: { href: string; text: string }[];
}
export interface ContentPage {
  intro: string[];
  sections: ContentSection[];
  updated: string;
}
