import type { ParticipantType, Role } from '#shared/rules/values';
import { pick, type Random } from './demo-random';

/**
 * The people of the demo (`npm start -- --demo`): every one a real account on the local stack with
 * the shared demo password, so anyone can sign in as them and mails to them land in the outbox.
 * Everything here is made up and marked as such: display names end in " (demo)", addresses use
 * example.dk / example.com, organisations end in "(fiktiv)".
 */
export interface DemoPerson {
  /** How the demo plan refers to the person. */
  key: string;
  email: string;
  displayName: string;
  participantType: ParticipantType;
  organisation?: string;
  role?: Role;
}

/** Named participants: the authors of most example ideas, and the accounts the browser tests sign in as. */
export const namedParticipants: DemoPerson[] = [
  { key: 'mette', email: 'mette.demo@example.dk', displayName: 'Mette H. (demo)', participantType: 'citizen' },
  { key: 'jens', email: 'jens.demo@example.dk', displayName: 'Jens P. (demo)', participantType: 'citizen' },
  { key: 'sara', email: 'sara.demo@example.dk', displayName: 'Sara K. (demo)', participantType: 'citizen' },
  { key: 'birthe', email: 'birthe.demo@example.dk', displayName: 'Birthe A. (demo)', participantType: 'citizen' },
  { key: 'lise', email: 'lise.demo@example.com', displayName: 'Lise M. (demo)', participantType: 'business', organisation: 'Eksempel IT-rådgivning ApS (fiktiv)' },
  { key: 'thomas', email: 'thomas.demo@example.com', displayName: 'Thomas B. (demo)', participantType: 'business', organisation: 'Demo Byg & Renovering ApS (fiktiv)' },
  { key: 'hanne', email: 'hanne.demo@example.dk', displayName: 'Hanne J. (demo)', participantType: 'employee' },
  { key: 'peter', email: 'peter.demo@example.dk', displayName: 'Peter N. (demo)', participantType: 'employee' },
];

/** The staff of the process: two moderators (the audit log shows who decided what), a committee member, an admin and an assistant at Borgerservice. */
export const demoStaff: DemoPerson[] = [
  { key: 'karin', email: 'moderator.demo@example.dk', displayName: 'Karin S. (demo)', participantType: 'employee', role: 'moderator' },
  { key: 'ole', email: 'moderator2.demo@example.dk', displayName: 'Ole R. (demo)', participantType: 'employee', role: 'moderator' },
  { key: 'ulla', email: 'udvalg.demo@example.dk', displayName: 'Ulla T. (demo)', participantType: 'citizen', role: 'committee' },
  { key: 'anders', email: 'admin.demo@example.dk', displayName: 'Anders V. (demo)', participantType: 'employee', role: 'admin' },
  // At Borgerservice: registers citizens who come to the desk, call or send a paper form, and acts for them (demo-assisted.ts).
  { key: 'bodil', email: 'borgerservice.demo@example.dk', displayName: 'Bodil K. (demo)', participantType: 'employee', role: 'assistant' },
];

const firstNames = [
  'Anne', 'Lars', 'Kirsten', 'Henrik', 'Susanne', 'Michael', 'Lone', 'Søren', 'Camilla', 'Mads', 'Ida', 'Frederik',
  'Karen', 'Niels', 'Helle', 'Rasmus', 'Maja', 'Jakob', 'Emma', 'Christian', 'Signe', 'Martin', 'Louise', 'Anders',
  'Pia', 'Kasper', 'Julie', 'Morten', 'Astrid', 'Jesper', 'Sofie', 'Bo', 'Tove', 'Mikkel', 'Nanna', 'Ahmed', 'Fatima',
  'Oliver', 'Agnes', 'Poul', 'Inge', 'Emil', 'Bente', 'Thomas', 'Yasmin', 'Erik', 'Marianne', 'Jonas', 'Hanna', 'Ali',
  'Grethe', 'Viktor', 'Birgit', 'Olga', 'Kim', 'Laura', 'Torben', 'Mathilde', 'Ulrik', 'Cecilie',
];
const initials = 'ABCDEFGHIJKLMNOPRSTVØ';

const businessNames = ['Strandlys', 'Kystvejens', 'Bakkehuset', 'Søndergaard', 'Nordlys', 'Egelund', 'Lindely', 'Havnefronten', 'Skovbrynet', 'Vangede Demo'];
const businessKinds = ['Rådgivning', 'Tandklinik', 'Regnskab', 'Byg', 'Fysioterapi', 'Arkitekter', 'IT', 'Café', 'Blomster', 'VVS'];

/** Of every 100 participants: 68 citizens, 14 businesses, 18 employees (the følgegruppe and other staff). */
const typeShare: [ParticipantType, number][] = [
  ['citizen', 0.68],
  ['business', 0.14],
  ['employee', 0.18],
];

/** ASCII for an e-mail address: æ, ø and å as ae, oe and aa. */
const ascii = (name: string) => name.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');

/**
 * `count` generated participants (keys p001, p002, …), the same ones for the same random source:
 * a first name and an initial, a participant type by the shares above, a fictional firm for businesses.
 */
export function generatedParticipants(count: number, random: Random): DemoPerson[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    const first = pick(random, firstNames);
    const draw = random();
    let participantType: ParticipantType = 'citizen';
    for (let acc = 0, t = 0; t < typeShare.length; t++) {
      acc += typeShare[t]![1];
      if (draw < acc) {
        participantType = typeShare[t]![0];
        break;
      }
    }
    return {
      key: `p${n}`,
      email: `${ascii(first)}.${n}.demo@example.${participantType === 'business' ? 'com' : 'dk'}`,
      displayName: `${first} ${pick(random, [...initials])}. (demo)`,
      participantType,
      ...(participantType === 'business' ? { organisation: `${pick(random, businessNames)} ${pick(random, businessKinds)} ApS (fiktiv)` } : {}),
    };
  });
}
