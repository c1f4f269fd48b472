/** What browser code and pages may import from pay: no server modules behind it. */
export { payEvents, balanceChangedSchema, transferChangedSchema, redPacketChangedSchema } from './events';
export { currencies, formatMinor, decimalAmountSchema, type Currency } from './money';
export { historyQuerySchema, redPacketFormSchema, type HistoryQuery } from './form-schemas';
