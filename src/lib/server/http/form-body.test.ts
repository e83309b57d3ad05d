import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { tolerantFormData } from './form-body';

const post = (body: string, type: string) =>
	tolerantFormData(
		new Request('http://localhost/x', { method: 'POST', body, headers: { 'content-type': type } })
	);

async function statusOf(p: Promise<unknown>): Promise<number | 'ok'> {
	try {
		await p;
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

describe('tolerantFormData', () => {
	it('reads a well-formed form as before', async () => {
		const form = await post('a=1&b=%C3%A9', 'application/x-www-form-urlencoded').formData();
		expect(form.get('b')).toBe('é');
	});

	it('answers 400 to a body that is not a readable form, clones included', async () => {
		expect(await statusOf(post('a=1', 'text/plain').formData())).toBe(400);
		const cut = post(
			'--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1',
			'multipart/form-data; boundary=b'
		);
		expect(await statusOf(cut.clone().formData())).toBe(400);
		expect(await statusOf(cut.formData())).toBe(400);
	});

	it('still fails loudly when a body is read twice', async () => {
		const request = post('a=1', 'application/x-www-form-urlencoded');
		await request.formData();
		await expect(request.formData()).rejects.toBeInstanceOf(TypeError);
	});

	it('drops NUL characters from names and values, leaving other text and files as sent', async () => {
		const form = await post(
			'a=%00x%00&b%00=%C3%A9',
			'application/x-www-form-urlencoded'
		).formData();
		expect(form.get('a')).toBe('x');
		expect(form.get('b')).toBe('é');
	});
});
