# A leading 0 in a format spec makes 0 the fill for any alignment (strings too);
# a bool with a spec formats as an int; `%` takes __int__; and the errors.

for spec in ['{:06s}', '{:<06s}', '{:>06s}', '{:^06s}', '{:<05}', '{:^07d}']:
    print(spec, '>' + spec.format('ab' if 's' in spec else 12) + '<')
print('>{:5}<>{:<4}<>{}<>{:d}<'.format(True, False, True, True))
print(f'{False:3}', '{:03}'.format(True))


class Num:
    def __int__(self):
        return 7


print('%d %3d %-3d|' % (Num(), Num(), Num()))
print('%s %(k)s' % {'k': 1})

for template, args in [('{0:=}', ('zzz',)), ('{0:+s}', ('1',)), ('{0:+c}', (65,)),
                       ('{0:s}', (1,)), ('{}{0}', (1, 2)), ('{0}{}', (1,))]:
    try:
        print(template.format(*args))
    except ValueError:
        print(template, 'ValueError')

for template, args in [('%(k)s %s', {'k': 1}), ('%(k)*s', {'k': 'v'}), ('%c', 'aa'), ('%d', 'x')]:
    try:
        print(template % args)
    except TypeError:
        print(template, 'TypeError')
