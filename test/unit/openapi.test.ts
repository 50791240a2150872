import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { describe, expect, it } from 'vitest';
import { contractOf } from '../helpers/api-contract.js';
import { setupTestApp, TestClient } from '../helpers/test-app.js';

async function servedDocument() {
  const ctx = await setupTestApp();
  const res = await new TestClient(ctx).get('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  return res.text();
}

describe('the OpenAPI document (issue #16 point 8)', () => {
  it('is a valid OpenAPI 3.1 document (swagger-parser)', async () => {
    const text = await servedDocument();
    const doc = JSON.parse(text) as OpenAPIV3_1.Document;
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
    expect(doc.openapi).toBe('3.1.0');
  });

  it('describes every operation with a schema for each JSON response', async () => {
    const doc = JSON.parse(await servedDocument()) as OpenAPIV3_1.Document;
    const missing: string[] = [];
    let operations = 0;
    let errorCodes = 0;
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const [method, op] of Object.entries(item ?? {}) as [
        string,
        OpenAPIV3_1.OperationObject,
      ][]) {
        operations += 1;
        for (const [status, response] of Object.entries(op.responses ?? {})) {
          const r = response as OpenAPIV3_1.ResponseObject;
          if (status !== '204' && !r.content) missing.push(`${method} ${path} ${status}`);
          const codes = (
            r.content?.['application/json']?.schema as {
              properties?: { error?: { properties?: { code?: { enum?: string[] } } } };
            }
          )?.properties?.error?.properties?.code?.enum;
          errorCodes += codes?.length ?? 0;
        }
      }
    }
    console.log(`openapi: ${operations} operations, ${errorCodes} documented (status, code) pairs`);
    expect(missing).toEqual([]);
  });

  it('the contract check refuses an undocumented status and a body off its schema', async () => {
    const contract = contractOf(await servedDocument());
    expect(contract.check('POST', '/staff', 201, 'application/json', { user: {} })[0]).toMatch(
      /does not match its schema/,
    );
    expect(contract.check('POST', '/staff', 418, 'application/json', {})).toEqual([
      'POST /staff → 418: undocumented status',
    ]);
    const undocumentedCode = { error: { code: 'made_up', message: 'x' } };
    expect(contract.check('POST', '/staff', 409, 'application/json', undocumentedCode)[0]).toMatch(
      /does not match/,
    );
    const emailTaken = { error: { code: 'email_taken', message: 'x', fields: { email: ['x'] } } };
    expect(contract.check('POST', '/staff', 409, 'application/json', emailTaken)).toEqual([]);
  });
});
