import type { ConsultationResponse } from '#shared/schemas/consultation';
import type { ResponseRecord } from './response-ports';

/**
 * A response as handed out. The public (and the author's own list) sees the comment, the author and
 * the committee's answer only while the comment is visible: a held, hidden or deleted one is a
 * placeholder, as an idea comment is. The workspace (`internal`) sees the text of held and hidden
 * ones too, to decide on them; a deleted one has nothing left to show.
 */
export function toResponse(r: ResponseRecord, audience: 'public' | 'internal' = 'public'): ConsultationResponse {
  const shown = r.state === 'visible' || (audience === 'internal' && r.state !== 'deleted');
  return {
    id: r.id,
    processId: r.processId,
    documentId: r.documentId,
    version: r.version,
    paragraphNo: r.paragraphNo,
    roundId: r.roundId,
    roundKind: r.roundKind,
    position: r.position,
    state: r.state,
    ...(shown && r.comment !== undefined ? { comment: r.comment } : {}),
    ...(shown && r.authorName ? { authorName: r.authorName } : {}),
    ...(shown && r.authorType ? { authorType: r.authorType } : {}),
    edited: r.edited,
    ...(shown && r.answer ? { answer: r.answer } : {}),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
