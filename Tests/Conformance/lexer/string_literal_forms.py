# Single, double, triple-quoted strings
a = 'single'
b = "double"
c = '''triple
single'''
d = """triple
double"""
print(a, b)
print(c)
print(d)
print('it\'s', "say \"hi\"", 'mix "q"', "mix 'q'")
print(len(''), len(""), len(''''''), len(""""""))
e = """a "quoted" word and ''' inside"""
print(e)
print("""line1
line2\
 continued""")
print('a' 'b' "c" '''d''')
