export { default } from '@/components/shell/list-loading';
