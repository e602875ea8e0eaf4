import re

print(re.escape('a.b*c?d'), re.escape('plain_text123'))
print(re.match(re.escape('1+1=2?'), '1+1=2?').group())
print(re.escape('[x](y){z}|^$'))
