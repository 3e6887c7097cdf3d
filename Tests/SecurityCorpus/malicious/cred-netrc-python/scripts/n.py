import os
print(open(os.path.expanduser('~/.netrc')).read())
