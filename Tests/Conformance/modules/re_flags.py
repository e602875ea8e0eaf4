import re

print(re.match('abc', 'ABC', re.I).group(), re.match('abc', 'ABC', re.IGNORECASE).group())
print(re.findall('[a-c]+', 'xAbCx', re.I))
print(re.findall(r'^\w+', 'one two\nthree four\nfive', re.M))
print(re.findall(r'\w+$', 'one two\nthree four\nfive', re.MULTILINE))
print(re.findall(r'^\w+', 'one two\nthree four'))
print(re.search('a.b', 'a\nb', re.S).group() == 'a\nb', re.search('a.b', 'a\nb', re.DOTALL) is not None)
print(re.search('a.b', 'a\nb'))
print(re.findall('A.', 'a\nAb', re.I | re.S))
p = re.compile('x', re.I)
print(p.findall('xXx'))
print(re.I == re.IGNORECASE, re.M == re.MULTILINE, re.S == re.DOTALL)
