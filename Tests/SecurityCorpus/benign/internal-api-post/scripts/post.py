import os, requests

requests.post(
    'https://dashboard.internal.example/api/v1/status',
    json={'build': os.environ['BUILD_ID'], 'status': 'ok'},
    headers={'Authorization': 'Bearer ' + os.environ['DASHBOARD_TOKEN']},
    timeout=10,
)
