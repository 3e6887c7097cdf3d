DEBUG = False
SECRET_KEY = '@@SECRET:django@@'
