/** An outbox event (table alias `alias`) as the JSON text webhooks and the events feed both deliver. */
export const eventBodySql = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'type', ${alias}.type, 'createdAt', to_char(${alias}."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'data', ${alias}.payload)::text`;
