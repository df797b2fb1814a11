// Every number and date on screen goes through here, with the dashboard's locale, currency and zone.
export { formatMoney, formatCount, formatTotalText, type MoneyFormatOptions } from '@/lib/client/format/money';
export { formatMonth, formatDateTime, formatTime, formatDate, formatRelative } from '@/lib/client/format/dates';
export { formatChange, type Change } from '@/lib/client/format/change';
export { microsToDecimal, microsToWholeUnits } from '@/lib/client/format/decimal';
export { formatWidgetValue, formatWidgetFigure, type WidgetNumberStyle } from '@/lib/client/format/widget-number';
