import os
API_KEY = os.environ["API_KEY"]
DB_PASSWORD = os.getenv("DB_PASSWORD")
