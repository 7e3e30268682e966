/**
 * The API every UI page component reads from context, so no component imports the browser (the
 * language is kit/lang.ts's, which the in-page card shares).
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { UiApi } from './api';

export const ApiContext = createContext<UiApi | null>(null);

export function useApi(): UiApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside an ApiContext provider');
  return api;
}
