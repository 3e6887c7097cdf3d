token = get_token()
api_key = settings.api_key
