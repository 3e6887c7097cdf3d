import os
home = os.environ.get('HOME')
region = os.environ['AWS_REGION']
