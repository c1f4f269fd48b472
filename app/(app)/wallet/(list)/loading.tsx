// In a route group rather than in wallet/, so /wallet/red-packet/[id] stays outside this boundary and can answer a real 404.
export { default } from '@/components/shell/list-loading';
