// Word lists for the demo workspace: fictional but plausible companies and deals.

export const COMPANY_NAMES = [
  'Northwind Traders', 'Globex', 'Initech', 'Umbrella Health', 'Stark Logistics', 'Wayne Biotech', 'Acme Robotics',
  'Hooli', 'Pied Piper', 'Vandelay Industries', 'Soylent Foods', 'Cyberdyne Systems', 'Tyrell Labs', 'Wonka Confectionery',
  'Gringotts Capital', 'Oscorp', 'Massive Dynamic', 'Nakatomi Trading', 'Blue Sun', 'Aperture Science', 'Black Mesa Energy',
  'Dunder Mifflin', 'Prestige Worldwide', 'Sterling Cooper', 'Bluth Company', 'Monarch Solutions', 'Zorg Industries',
  'Octan Energy', 'Weyland Freight', 'Kaiju Analytics', 'Lumon Industries', 'Rekall', 'Duff Brewing', 'Los Pollos Hermanos',
  'Gekko & Co', 'Paper Street Soap', 'Virtucon', 'Wernham Hogg', 'Brawndo', 'InGen',
];

const PREFIXES = ['North', 'Blue', 'Bright', 'Silver', 'Iron', 'Green', 'Red', 'Swift', 'Clear', 'Prime', 'Nova', 'Summit', 'Atlas', 'Pioneer', 'Harbor', 'Cedar', 'Granite', 'Vertex', 'Orbit', 'Lumen'];
const SUFFIXES = ['Labs', 'Systems', 'Logistics', 'Health', 'Capital', 'Foods', 'Energy', 'Analytics', 'Robotics', 'Media', 'Works', 'Networks', 'Partners', 'Foundry', 'Retail', 'Cloud', 'Bank', 'Motors', 'Pharma', 'Studio'];

/** The i-th company name: the curated list first, then generated ones, all distinct. */
export function companyName(i: number): string {
  const curated = COMPANY_NAMES[i];
  if (curated !== undefined) return curated;
  const n = i - COMPANY_NAMES.length;
  const base = `${PREFIXES[n % PREFIXES.length]} ${SUFFIXES[Math.floor(n / PREFIXES.length) % SUFFIXES.length]}`;
  const round = Math.floor(n / (PREFIXES.length * SUFFIXES.length));
  return round === 0 ? base : `${base} ${round + 1}`;
}

export function domainOf(name: string): string {
  return `https://${name.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '')}.example`;
}

export const PRODUCTS = ['Platform', 'Analytics', 'Support plan', 'Data warehouse', 'Onboarding', 'Security suite', 'API tier', 'Mobile app', 'Integrations', 'Enterprise seats'];
export const DEAL_KINDS = ['renewal', 'expansion', 'pilot', 'new licence', 'upgrade', 'rollout', 'migration', 'add-on'];

/**
 * The workspace's CRM users. Member ids are those of Twenty's dev seed (Tim, Jony, Phil, Jane), so a
 * captured filter or view naming one reads the same here; names and user ids are the demo's own,
 * except the first user id, which is the seed's (real-2.21/webhooks/390-…).
 */
export const MEMBERS = [
  { id: '20202020-0687-4c41-b707-ed1bfca972a7', userId: '20202020-9e3b-46d4-a556-88b9ddc2b034', firstName: 'Alex', lastName: 'Rivera' },
  { id: '20202020-77d5-4cb6-b60a-f4a835a85d61', userId: '20202020-3957-4908-9c36-2929a23f8357', firstName: 'Sam', lastName: 'Chen' },
  { id: '20202020-1553-45c6-a028-5a9064cce07f', userId: '20202020-7169-42cf-bc47-1cfef15264b8', firstName: 'Jordan', lastName: 'Lee' },
  { id: '20202020-463f-435b-828c-107e007a2711', userId: '20202020-5e4e-4ed3-9a2d-8f8b3d3c2b11', firstName: 'Priya', lastName: 'Patel' },
] as const;

export const FIRST_NAMES = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elena', 'Femi', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kira', 'Luis', 'Mei', 'Noah', 'Olga', 'Pavel'];
export const LAST_NAMES = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Costa', 'Novak', 'Brennan', 'Haddad', 'Kowalski', 'Ferreira', 'Nguyen', 'Schmidt'];
export const JOB_TITLES = ['Head of Sales', 'CTO', 'Procurement lead', 'VP Operations', 'CFO', 'IT manager'];
