// Structured one-line JSON logs. Callers pass categories and ids, never secrets or record data.

type Level = 'info' | 'warn' | 'error';
type Fields = Record<string, unknown>;

function write(level: Level, fields: Fields) {
  const line = JSON.stringify({ level, time: new Date().toISOString(), ...fields });
  if (level === 'info') console.log(line);
  else console.error(line);
}

export const logger = {
  info: (fields: Fields) => write('info', fields),
  warn: (fields: Fields) => write('warn', fields),
  error: (fields: Fields) => write('error', fields),
};
