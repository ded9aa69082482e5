import * as z from 'zod';
import { schema } from './define';

/**
 * The SPA's runtime configuration, served as `/config.json` next to index.html. In AWS the web stack
 * writes it from the deployed stack's outputs; locally the gateway serves it from the running stack.
 */
export const webConfigSchema = /* @__PURE__ */ schema(() => z.object({
  apiBase: z.string(),
  region: z.string(),
  userPoolId: z.string(),
  userPoolClientId: z.string(),
  /** Only set locally: the cognito-local endpoint; absent in AWS, where the regional endpoint is used. */
  cognitoEndpoint: z.string().optional(),
}));
export type WebConfig = z.infer<typeof webConfigSchema>;
