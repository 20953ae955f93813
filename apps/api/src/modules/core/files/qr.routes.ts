import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { fileResponse } from '../../../platform/http/openapi.js';

const querySchema = z.strictObject({
  data: z.string().min(1).max(512),
  format: z.enum(['png', 'svg']).default('png'),
  size: z.coerce.number().int().min(64).max(1024).default(256),
});

/** QR codes for labels (equipment, locations): generated on request, nothing is stored. */
export async function qrRoutes(app: FastifyInstance, _deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/qr', {
    config: { access: 'authenticated' },
    schema: { tags: ['files'], summary: 'A QR code for a URL or text (PNG or SVG)', querystring: querySchema, response: { 200: fileResponse('The QR code image', ['image/png', 'image/svg+xml']) } },
    handler: async (request, reply) => {
      const { data, format, size } = request.query;
      // Medium error correction survives a scuffed label and keeps the code small.
      const options = { errorCorrectionLevel: 'M' as const, margin: 2, width: size };
      reply.header('cache-control', 'private, max-age=86400').header('x-content-type-options', 'nosniff');
      if (format === 'svg') return reply.type('image/svg+xml').send(await QRCode.toString(data, { ...options, type: 'svg' }));
      return reply.type('image/png').send(await QRCode.toBuffer(data, { ...options, type: 'png' }));
    },
  });
}
