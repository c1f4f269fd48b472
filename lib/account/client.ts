/** What browser code may use from account: realtime event names and payload schemas. */
export { accountEvents, personStatusSchema, type PersonStatus } from './events';
