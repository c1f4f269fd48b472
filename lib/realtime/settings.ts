/** What a browser needs to connect; handed over by the server at request time. */
export interface RealtimeClientSettings {
  key: string;
  host: string;
  port: number;
  useTLS: boolean;
  cluster?: string;
}
