import re

p = re.compile(r'(?P<word>\w+)(\s*)')
print(p.groups, p.groupindex['word'], p.pattern)
m = p.match('hello  world')
print(m.group('word'), len(m.group(2)), m.re is p)
print(re.compile(p) is p)
print(p.match('  x'), p.search('  x').group(1))
print(p.fullmatch('abc').groups())
print(p.match('abc def', 4).group(1), p.search('abc def', 1, 3).group(1))
m = re.match(r'(\d)(\d)(\d)', '123')
print(m[0], m[1], m[3])
try:
    m.group(4)
except IndexError:
    print('IndexError')
try:
    m.group('nope')
except IndexError:
    print('IndexError')
