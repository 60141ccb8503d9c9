#!/usr/bin/python3
"""Renders Herald's golden cases with real Django: the oracle.

Reads test/golden/templates.cases.json and conditions.cases.json, renders
each case with Django's own template engine (the platform's two filters
`timestamp` and `money` registered as a builtin library, as the platform's
extension does), evaluates each rendered send condition with Python's
`eval`, and writes templates.expected.json and conditions.expected.json.
The TypeScript suite compares Herald against those files, so CI never
needs Django; rerun this after editing a cases file:

    apt-get install -y python3-django      # Debian 12: Django 3.2
    /usr/bin/python3 packages/templates/test/oracle/render_golden.py

With --stdin it reads `{"templates": [...], "conditions": [...]}` and
prints the results instead (the differential test uses that).
"""
import json
import re
import sys
from datetime import datetime, timedelta, timezone
from decimal import Context as DecimalContext, Decimal
from pathlib import Path

import django
from django.conf import settings

# USE_L10N as Django 4+ always has it (the `en` formats); UTC throughout.
settings.configure(
    USE_TZ=True, TIME_ZONE='UTC', USE_I18N=False, USE_L10N=True,
    LANGUAGE_CODE='en-us'
)
django.setup()

from django import template  # noqa: E402  (needs settings first)
from django.template import Context, Engine, TemplateSyntaxError  # noqa: E402

GOLDEN = Path(__file__).resolve().parent.parent / 'golden'
FIXTURES = Path(__file__).resolve().parents[3] / 'simulator' / 'fixtures'

register = template.Library()

# ASCII classes, as the TypeScript side spells them.
INTEGER = re.compile(r'[ \t\n\r\f\v]*[+-]?[0-9]+[ \t\n\r\f\v]*')
MILLISECONDS = re.compile(r'[ \t\n\r\f\v]*-?[0-9]+[ \t\n\r\f\v]*')
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
MAX_DIVISIBILITY = 18


def _whole(value, pattern):
    """An int from an int, an integral float or a digit string; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and pattern.fullmatch(value):
        return int(value)
    return None


@register.filter(is_safe=False)
def timestamp(value):
    """Milliseconds since the epoch to an aware UTC datetime; else ''."""
    if isinstance(value, float) and value == value and abs(value) != float('inf'):
        value = int(value)
    ms = _whole(value, MILLISECONDS)
    if ms is None:
        return ''
    try:
        return EPOCH + timedelta(milliseconds=ms)
    except OverflowError:
        return ''


@register.filter(is_safe=False)
def money(value, divisibility):
    """An integer amount in the smallest unit as a decimal string."""
    if value is None or value == '':
        return ''
    places = _whole(divisibility, INTEGER)
    if places is None or not 0 <= places <= MAX_DIVISIBILITY:
        raise ValueError('money: bad divisibility %r' % (divisibility,))
    amount = _whole(value, INTEGER)
    if amount is None:
        raise ValueError('money: bad amount %r' % (value,))
    exact = Decimal(amount).scaleb(-places, DecimalContext(prec=1000))
    return format(exact, 'f')


ENGINES = {
    flag: Engine(autoescape=flag, builtins=[__name__])
    for flag in (True, False)
}


def revive(value):
    """`{"$int": "123"}` stands for an int too large for JSON in JS."""
    if isinstance(value, dict):
        if set(value) == {'$int'}:
            return int(value['$int'])
        return {k: revive(v) for k, v in value.items()}
    if isinstance(value, list):
        return [revive(v) for v in value]
    return value


def context_of(case):
    data = {}
    fixture = case.get('fixture')
    if fixture:
        path = FIXTURES / ('%s.json' % fixture)
        data.update(json.loads(path.read_text('utf8'))['data'])
    data.update(revive(case.get('context', {})))
    return data


def render(source, data, autoescape):
    """Django's output, or the kind of failure: 'syntax' or 'render'."""
    engine = ENGINES[autoescape]
    try:
        compiled = engine.from_string(source)
    except TemplateSyntaxError as err:
        return {'error': 'syntax', 'exception': type(err).__name__,
                'message': str(err)}
    try:
        return {'output': compiled.render(Context(data, autoescape=autoescape))}
    except Exception as err:  # any failure while rendering is one outcome
        return {'error': 'render', 'exception': type(err).__name__,
                'message': str(err)}


def evaluate(expression, data):
    """Blank is true; else render, then Python's eval of the result."""
    if expression.strip() == '':
        return {'rendered': '', 'result': True, 'error': None}
    rendered = render(expression, data, False)
    if 'error' in rendered:
        return {'rendered': None, 'result': False, 'error': 'TemplateError'}
    text = rendered['output']
    try:
        value = eval(text, {'__builtins__': {}}, {})  # the oracle only
        return {'rendered': text, 'result': bool(value), 'error': None}
    except Exception as err:
        return {'rendered': text, 'result': False,
                'error': type(err).__name__}


def template_results(cases):
    out = []
    for case in cases:
        result = render(case['template'], context_of(case),
                        case.get('autoescape', False))
        out.append({**case, **result})
    return out


def condition_results(cases):
    return [{**case, **evaluate(case['expression'], context_of(case))}
            for case in cases]


def write(name, payload):
    text = json.dumps(payload, ensure_ascii=False, indent=1)
    (GOLDEN / name).write_text(text + '\n', 'utf8')


def main():
    version = django.get_version()
    if '--stdin' in sys.argv:
        request = json.load(sys.stdin)
        json.dump({
            'django': version,
            'templates': template_results(request.get('templates', [])),
            'conditions': condition_results(request.get('conditions', []))
        }, sys.stdout, ensure_ascii=False)
        return
    templates = json.loads((GOLDEN / 'templates.cases.json').read_text('utf8'))
    conditions = json.loads(
        (GOLDEN / 'conditions.cases.json').read_text('utf8'))
    write('templates.expected.json',
          {'django': version, 'cases': template_results(templates)})
    write('conditions.expected.json',
          {'django': version, 'cases': condition_results(conditions)})


if __name__ == '__main__':
    main()
