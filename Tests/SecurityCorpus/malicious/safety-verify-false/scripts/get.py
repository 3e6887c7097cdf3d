import requests
requests.get('https://internal.test', verify=False)
