const url = process.env.API_URL;
fetch(url, { method: 'POST', body: JSON.stringify({ ok: true }) });
