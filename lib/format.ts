// Every number and date on screen goes through here, with the dashboard's locale, currency and zone.
export { formatMoney, formatCount, type MoneyFormatOptions } from '@/lib/format/money';
export { formatMonth, formatDateTime, formatTime, formatDate, formatRelative } from '@/lib/format/dates';
export { formatChange, type Change } from '@/lib/format/change';
export { microsToDecimal, microsToWholeUnits, isMicrosString } from '@/lib/format/decimal';
