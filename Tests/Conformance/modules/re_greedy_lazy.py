import re

s = '<a><b><c>'
print(re.match(r'<.*>', s).group(), re.match(r'<.*?>', s).group())
print(re.match(r'<.+>', s).group(), re.match(r'<.+?>', s).group())
print(re.match(r'a?', 'a').group(), repr(re.match(r'a??', 'a').group()))
print(re.findall(r'a.*?b', 'a1b a22b'), re.findall(r'a.*b', 'a1b a22b'))
print(re.match(r'(a+)(a*)', 'aaaa').groups(), re.match(r'(a+?)(a*)', 'aaaa').groups())
print(re.match(r'(a*?)b', 'aaab').groups())
print(re.match(r'(\d+?)(\d{2})', '12345').groups())
print(re.match(r'(x*)*y', 'xxy').groups(), re.match(r'(a|)*b', 'aab').group())
print(re.match(r'(a*)+', 'b').groups(), re.match(r'(a*)*', 'aa').span())
print(re.search(r'(ab)*c', 'ababc').groups(), re.match(r'(?:(a)|b)+', 'ab').groups())
