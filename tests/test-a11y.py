#!/usr/bin/env python3
# test-a11y.py WEFT: Weft's window as a screen reader sees it (issue 19).
#
# Starts Weft on its example in a D-Bus session of its own, with GTK's
# accessibility on (the GUI suite turns it off), reads the accessible tree
# through the AT-SPI bus with pyatspi, and drives the window with keys
# synthesised through AT-SPI (XTest), as a keyboard-only user would. TAP.
#
# Needs an X display (the GUI suite runs under xvfb-run), dbus-run-session,
# at-spi2-core and python3-pyatspi (build-aux/deps.sh installs them). When
# one is missing, or the AT-SPI bus does not start, the test says so as a
# TAP skip with the reason; it never passes without having looked.
#
# SPDX-License-Identifier: MIT

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import weft_tap
from weft_tap import skip_all

SYSTEM_PYTHON = '/usr/bin/python3'


def python_with_pyatspi():
    """This interpreter when it has pyatspi, else the system's (pyatspi
    comes from the distribution, not from pip)."""
    try:
        import pyatspi  # noqa: F401
        return sys.executable
    except ImportError:
        pass
    if os.path.exists(SYSTEM_PYTHON) and os.path.realpath(SYSTEM_PYTHON) != os.path.realpath(sys.executable):
        if subprocess.run([SYSTEM_PYTHON, '-c', 'import pyatspi'], capture_output=True).returncode == 0:
            return SYSTEM_PYTHON
    return None


def outer(weft):
    """Checks what the test needs, then runs it in a D-Bus session of its own."""
    if not os.environ.get('DISPLAY'):
        skip_all('no X display (run the GUI suite under xvfb-run)')
    dbus_run_session = shutil.which('dbus-run-session')
    if dbus_run_session is None:
        skip_all('dbus-run-session is not installed (package dbus-daemon or dbus)')
    python = python_with_pyatspi()
    if python is None:
        skip_all('pyatspi is not installed (package python3-pyatspi)')
    # G_DEBUG=fatal-warnings is for Weft, not for the AT-SPI client library,
    # which warns of what GTK 4.8 does not implement (its cache).
    env = dict(os.environ)
    env['WEFT_A11Y_G_DEBUG'] = env.pop('G_DEBUG', '')
    try:
        done = subprocess.run([dbus_run_session, '--', python, os.path.abspath(__file__), '--inner', weft],
                              env=env, timeout=600, stdout=subprocess.PIPE, text=True)
    except subprocess.TimeoutExpired:
        print('Bail out! the accessibility test took more than 10 minutes')
        sys.exit(1)
    # The daemons the session starts write to the same output: what is not
    # TAP becomes a comment.
    for line in done.stdout.splitlines():
        tap = re.match(r'^(ok|not ok|1\.\.|#|Bail out!)', line)
        print(line if tap else f'# {line}')
    sys.exit(done.returncode)


# ---- Inside the D-Bus session ------------------------------------------------

# GTK and libadwaita widgets that GTK 4.8 names after their type when they
# have no name of their own, and that no API reaches: inner parts of the
# header bar, toasts, scrolled windows, popovers, menu buttons and panes. None takes
# focus, and a screen reader passes them by. Inside a drop-down's button,
# its item (which says it is focusable but cannot get focus) too. Anything
# else named after a widget type fails the test.
INTERNAL = {
    'AdwBin': {'filler'},
    'AdwGizmo': {'filler', 'panel'},
    'AdwToastWidget': {'filler'},
    'GtkBuiltinIcon': {'filler'},
    'GtkPanedHandle': {'filler'},
    'GtkPopoverContent': {'filler'},
    'GtkRange': {'filler'},
    'GtkScrollbar': {'scroll bar'},
    'GtkStackPage': {'panel'},
}
IN_DROP_DOWN = {
    'GtkListItemWidget': {'filler'},
}
TYPE_NAME = re.compile(r'^(Gtk|Adw|Weft)[A-Z][A-Za-z]*$')
CONTROLS = {'push button', 'toggle button', 'check box', 'radio button', 'combo box', 'menu item',
            'check menu item', 'radio menu item', 'entry', 'text', 'link', 'spin button', 'slider'}


def inner(weft):
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi, Gio, GLib
    import pyatspi

    # The AT-SPI bus comes from at-spi2-core, started on demand.
    try:
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        bus.call_sync('org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus', 'GetAddress', None,
                      GLib.VariantType('(s)'), Gio.DBusCallFlags.NONE, 10000, None)
    except GLib.Error as error:
        skip_all(f'the AT-SPI bus does not start ({error.message}; package at-spi2-core)')

    def check(ok, what, details=()):
        weft_tap.result(ok, what, '\n'.join(details))
        return ok

    env = dict(os.environ)
    for name in ('GTK_A11Y', 'NO_AT_BRIDGE'):
        env.pop(name, None)
    env['GDK_BACKEND'] = 'x11'
    # Journals of edits in a folder of the test's own, not the user's.
    state = tempfile.TemporaryDirectory(prefix='weft-a11y-state-')
    env['XDG_STATE_HOME'] = state.name
    if env.get('WEFT_A11Y_G_DEBUG'):
        env['G_DEBUG'] = env['WEFT_A11Y_G_DEBUG']
    weft_process = subprocess.Popen([weft], env=env)

    focused = [None]

    def on_focus(event):
        if os.environ.get('WEFT_A11Y_DEBUG'):
            try:
                print(f'# focus event {event.detail1} {event.source.getRoleName()} {event.source.name!r}', flush=True)
            except GLib.Error:
                print(f'# focus event {event.detail1} defunct', flush=True)
        if event.detail1:
            focused[0] = event.source
        elif focused[0] is not None and event.source == focused[0]:
            focused[0] = None

    pyatspi.Registry.registerEventListener(on_focus, 'object:state-changed:focused')
    context = GLib.MainContext.default()

    def pump(seconds):
        end = time.monotonic() + seconds
        while True:
            while context.iteration(False):
                pass
            if time.monotonic() >= end:
                return
            time.sleep(0.01)

    def wait_for(condition, seconds=10):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            pump(0.05)
            try:
                if condition():
                    return True
            except GLib.Error:
                pass
        return False

    def find_frame():
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is None or app.name != 'weft':
                continue
            for j in range(app.childCount):
                frame = app.getChildAtIndex(j)
                if frame is not None and frame.getRoleName() == 'frame' and 'Weft' in frame.name:
                    return frame
        return None

    frame_box = [None]

    def frame_ready():
        frame_box[0] = find_frame()
        return frame_box[0] is not None and frame_box[0].name.startswith('Example')

    try:
        if not check(wait_for(frame_ready, 90), 'the window is in the accessible tree'):
            return
        pump(1)
        frame = frame_box[0]

        # ---- Reading the tree ----

        def walk(accessible, path=()):
            try:
                role = accessible.getRoleName()
                name = accessible.name or ''
                states = accessible.getState()
            except GLib.Error:
                return
            here = path + (f'{role} {name!r}',)
            yield accessible, role, name, states, here
            for i in range(accessible.childCount):
                child = accessible.getChildAtIndex(i)
                if child is not None:
                    yield from walk(child, here)

        def is_type_name(name, role, states, path):
            if not TYPE_NAME.match(name):
                return False
            if role in INTERNAL.get(name, ()) and not states.contains(pyatspi.STATE_FOCUSABLE):
                return False
            in_drop_down = any(step.startswith('combo box ') for step in path[:-1])
            return not (in_drop_down and role in IN_DROP_DOWN.get(name, ()))

        def check_names(when):
            typed = []
            unnamed = []
            for _, role, name, states, path in walk(frame):
                if is_type_name(name, role, states, path):
                    typed.append(' > '.join(path[-3:]))
                elif role in CONTROLS and role not in ('entry', 'text') and not name.strip():
                    unnamed.append(' > '.join(path[-3:]))
            check(not typed, f'{when}: no accessible is named after a widget type', typed)
            check(not unnamed, f'{when}: every button, toggle, menu button and combo box has a name', unnamed)

        def find(role=None, name=None, within=None, pattern=None):
            for accessible, r, nm, states, _ in walk(within or frame):
                if role is not None and r != role:
                    continue
                if name is not None and nm != name:
                    continue
                if pattern is not None and not re.search(pattern, nm):
                    continue
                return accessible
            return None

        def find_all(role=None, within=None, pattern=None):
            return [a for a, r, nm, _, _ in walk(within or frame)
                    if (role is None or r == role) and (pattern is None or re.search(pattern, nm))]

        def state(accessible, which):
            return accessible.getState().contains(which)

        def describe(accessible):
            if accessible is None:
                return 'nothing'
            try:
                return f'{accessible.getRoleName()} {accessible.name!r} ({accessible.description!r})'
            except GLib.Error:
                return 'a defunct object'

        def inside(accessible, ancestor):
            """Whether @ancestor is @accessible or holds it."""
            try:
                while accessible is not None:
                    if accessible == ancestor:
                        return True
                    accessible = accessible.parent
            except GLib.Error:
                pass
            return False

        def focus_now():
            """The focused object in the window, or None. Events say where
            focus went; when they disagree (GTK 4.8 reports focus leaving a
            widget it destroyed late), the tree has the last word."""
            current = focused[0]
            try:
                if current is not None and state(current, pyatspi.STATE_FOCUSED) and inside(current, frame):
                    return current
            except GLib.Error:
                pass
            for accessible, _, _, states, _ in walk(frame):
                if states.contains(pyatspi.STATE_FOCUSED):
                    return accessible
            return None

        # ---- Keys ----

        def key(keysym, modifiers=0, wait=0.05):
            before = focused[0]
            if modifiers:
                Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.LOCKMODIFIERS)
            Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
            if modifiers:
                Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
            # Until the focus moves, or a while.
            wait_for(lambda: focused[0] != before, wait)
            pump(0.05)

        def type_text(text):
            Atspi.generate_keyboard_event(0, text, Atspi.KeySynthType.STRING)
            pump(0.3)

        CONTROL = 1 << Atspi.ModifierType.CONTROL
        SHIFT = 1 << Atspi.ModifierType.SHIFT
        TAB, RETURN, ESCAPE, RIGHT, F5, F10 = 0xff09, 0xff0d, 0xff1b, 0xff53, 0xffc2, 0xffc7

        trail = []

        def tab_to(condition, limit=80, backward=False):
            """Tab until the focused object meets @condition; @trail says
            where focus went."""
            trail.clear()
            for _ in range(limit):
                if condition(focused[0]):
                    return True
                key(TAB, SHIFT if backward else 0, wait=1)
                trail.append(describe(focused[0]))
            return condition(focused[0])

        inspector = find(name='Inspector', role='panel')

        def selected(name):
            """Whether the inspector shows the entity @name."""
            return re.match(rf'^Selected: [^,]+, {re.escape(name)}$', inspector.description or '') is not None

        sidebar_toggle = find(role='check box', name='Entities')
        inspector_toggle = find(role='check box', name='Inspector')
        search = find(role='entry', name='Search')
        graph = find(pattern=r'^Relationship graph')

        # ---- Names and states, as the window opens ----

        check_names('the example')
        chips = [c for c in find_all(role='check box', within=search.parent)]
        check(len(chips) >= 5 and all(state(c, pyatspi.STATE_CHECKED) for c in chips),
              'the kind chips are check boxes, checked while their kind is shown',
              [describe(c) for c in chips])
        views = [find(role='radio button', name=name) for name in ('Timeline', 'Both', 'Graph')]
        check(None not in views and [state(v, pyatspi.STATE_CHECKED) for v in views] == [False, True, False],
              'Timeline, Both and Graph are radio buttons, Both checked', [describe(v) for v in views])
        check(sidebar_toggle is not None and state(sidebar_toggle, pyatspi.STATE_CHECKED)
              and inspector_toggle is not None and not state(inspector_toggle, pyatspi.STATE_CHECKED),
              'the pane toggles say whether their panes are out',
              [describe(sidebar_toggle), describe(inspector_toggle)])

        # ---- F10 is the main menu's; Ctrl+I the inspector's ----

        key(F10, wait=1)
        check(focused[0] is not None and focused[0].getRoleName() == 'menu item' and
              focused[0].parent is not None and inside(focused[0], find(role='menu', name='Main Menu')),
              'F10 opens the main menu', [describe(focused[0])])
        check_names('the main menu open')
        key(ESCAPE, wait=1)
        now = focus_now()
        check(now is not None, 'closing the main menu leaves a focused object', [describe(now)])
        key(ord('i'), CONTROL)
        check(wait_for(lambda: state(inspector_toggle, pyatspi.STATE_CHECKED), 3), 'Ctrl+I shows the inspector')

        # ---- Search ----

        key(ord('f'), CONTROL, wait=1)
        check(focused[0] == search, 'Ctrl+F focuses the search field', [describe(focused[0])])
        type_text('huawei')
        check(wait_for(lambda: '1 of 55' in search.description, 5),
              'the search field\'s description carries the result count', [describe(search)])
        key(RETURN)
        check(wait_for(lambda: selected('Huawei'), 5), 'Return in the search field selects the result',
              [describe(inspector)])
        check_names('Huawei in the inspector')

        # ---- Tab order: one stop for the list, none wall between views and inspector ----

        stops = 0
        for _ in range(40):
            if focused[0] == graph:
                break
            key(TAB, wait=1)
            stops += 1
        check(focused[0] == graph and stops <= 20,
              f'Tab goes from the search field to the graph in {stops} stops (at most 20)', [describe(focused[0])])
        key(TAB, wait=1)
        check(inside(focused[0], inspector), 'Tab from the last view reaches the inspector', [describe(focused[0])])
        key(TAB, SHIFT, wait=1)
        check(focused[0] == graph, 'Shift+Tab from the inspector goes back to the views', [describe(focused[0])])

        # ---- Inspector links ----

        links = [(a.name, a.description) for a in find_all(role='push button', within=inspector)
                 if a.description.startswith('Select ')]
        names = [name for name, _ in links]
        check(any(re.match(r'^Claim, [a-z]+: .', name) for name in names),
              'claim links say "Claim", the status and the claim', names)
        check(any(re.match(r'^Relation: .+ [→←] .', name) for name in names),
              'relation links say "Relation", the type and the other end', names)

        for name, _ in links:
            key(ord('f'), CONTROL, wait=1)
            key(RETURN)
            wait_for(lambda: selected('Huawei'), 5)
            reached = tab_to(lambda a: a is not None and inside(a, inspector) and a.name == name)
            if not check(reached, f'the keyboard reaches the link "{name}"', trail[:40]):
                continue
            key(RETURN, wait=2)
            pump(0.3)
            now = focus_now()
            check(now is not None and inside(now, inspector),
                  f'after Return on "{name}", a focused object exists in the inspector', [describe(now)])

        # ---- The path panel's close button ----

        def select_by_search(text):
            key(ord('f'), CONTROL, wait=1)
            key(ord('a'), CONTROL)
            type_text(text)
            key(RETURN)
            return wait_for(lambda: selected(text), 5)

        select_by_search('IBM')
        if tab_to(lambda a: a is not None and a.name == 'Path From Here'):
            key(RETURN, wait=1)
        select_by_search('Huawei')
        if tab_to(lambda a: a is not None and inside(a, inspector) and a.name.startswith('Path from IBM')):
            key(RETURN, wait=2)
        # A loaded machine may take longer: a condition met ends the wait.
        wait_for(lambda: 'Path from IBM to Huawei' in ((focus_now() or inspector).name or ''), 10)
        now = focus_now()
        check(now is not None and 'Path from IBM to Huawei' in (now.name or ''),
              'finding a path from the inspector focuses the path\'s heading', [describe(now)])
        closed = tab_to(lambda a: a is not None and a.name == 'Clear the path')
        if closed:
            key(RETURN, wait=2)
            pump(0.3)
            wait_for(lambda: focus_now() is not None and find(role='push button', name='Clear the path') is None, 10)
        now = focus_now()
        check(closed and now is not None and find(role='push button', name='Clear the path') is None,
              'closing the path panel with its close button leaves a focused object', [describe(now)])
        # The keyboard still works there, without a click: Ctrl+F, typing, Ctrl+3.
        key(ord('f'), CONTROL, wait=1)
        check(focused[0] == search, 'after closing the path panel, Ctrl+F focuses the search field',
              [describe(focused[0])])
        key(ord('a'), CONTROL)
        type_text('dahua')
        check(wait_for(lambda: '1 of 55' in (search.description or ''), 5),
              'after closing the path panel, typing searches', [describe(search)])
        key(ord('3'), CONTROL, wait=1)
        check(wait_for(lambda: state(views[2], pyatspi.STATE_CHECKED), 3),
              'after closing the path panel, Ctrl+3 shows the graph', [describe(v) for v in views])

        # ---- The graph from the keyboard: arrows walk from node to node ----

        LEFT_KEY, DOWN_KEY = 0xff51, 0xff54
        tab_to(lambda a: a == graph)
        walked = [graph.description]
        for k in (RIGHT, DOWN_KEY, LEFT_KEY):
            key(k, wait=1)
            walked.append(graph.description)
        check(all(d.startswith('Selected: ') for d in walked[1:]) and len(set(walked)) >= 3,
              'arrow keys in the graph select node after node, and its description says which', walked)
        check(focused[0] == graph, 'the graph keeps the focus while the arrows walk it', [describe(focused[0])])

        key(ord('2'), CONTROL, wait=1)
        check(wait_for(lambda: state(views[1], pyatspi.STATE_CHECKED), 3), 'Ctrl+2 shows both views again',
              [describe(v) for v in views])

        # ---- Presentation ----

        check_names('after the inspector\'s links and a toast')
        before = describe(focus_now())
        sidebar_before = state(sidebar_toggle, pyatspi.STATE_CHECKED)
        key(F5, wait=2)
        card = focus_now()
        check(card is not None and card.getRoleName() == 'panel' and re.match(r'^1 of \d+', card.description or ''),
              'presentation focuses its card, named after the event, "1 of N" in its description',
              [describe(card)])
        first = card.name if card is not None else None
        key(RIGHT, wait=1)
        pump(0.5)
        check(card is not None and card.name != first and (card.description or '').startswith('2 of '),
              'the card\'s name and description follow the next step', [describe(card)])
        key(ESCAPE, wait=2)
        pump(0.5)
        now = focus_now()
        check(now is not None, 'after leaving presentation, a focused object exists in the window', [describe(now)])
        # The same widget, or (for one of the inspector's, which went with its
        # rebuild) its like.
        check(describe(now) == before, 'leaving presentation gives focus back where it was', [before, describe(now)])
        check(state(inspector_toggle, pyatspi.STATE_CHECKED) and
              state(sidebar_toggle, pyatspi.STATE_CHECKED) == sidebar_before,
              'leaving presentation brings the side panes back as they were')

        # ---- The focus bar and its hops ----

        select_by_search('Dahua')
        key(RETURN, CONTROL, wait=1)
        pump(1)
        hops = find(role='combo box')
        check(hops is not None and hops.name == 'How far from the focus' and
              find(role='push button', within=hops, pattern=r'^\d') is not None,
              'the hops drop-down is named, and its button says the value', [describe(hops)])
        check_names('focused on an entity')

        # ---- The timeline from the keyboard ----

        timeline = find(role='panel', name='Timeline')
        check(timeline is not None and tab_to(lambda a: a == timeline),
              'Tab reaches the timeline', trail[:40] + [describe(timeline)])

        def told():
            return (timeline.description or '') if timeline is not None else ''

        key(ord('n'), wait=0.5)
        check(wait_for(lambda: told().startswith('Selected event: '), 3),
              'n selects an event, read as a sentence', [told()])
        first = told()
        key(ord('n'), wait=0.5)
        check(wait_for(lambda: told().startswith('Selected event: ') and told() != first, 3),
              'the description follows n to the next event', [first, told()])
        key(ord('p'), wait=0.5)
        check(wait_for(lambda: told() == first, 3), 'and p back', [first, told()])
        check(re.search(r', (sometime |around |from |until |\d)', first) is not None and
              'precision' not in first, 'the event\'s date is in plain words', [first])

        DOWN, SPACE = 0xff54, 0x20
        key(DOWN, wait=0.5)
        check(wait_for(lambda: re.match(r'^Lane \d+ of \d+: .+, expanded\. ', told()) is not None, 3),
              'Down puts the lane cursor on a lane, read with its title and events', [told()])
        lane = re.match(r'^Lane (\d+) of', told())
        key(DOWN, wait=0.5)
        check(lane is not None and wait_for(lambda: told().startswith(f'Lane {int(lane.group(1)) + 1} of '), 3),
              'Down again moves it to the next lane', [told()])
        key(SPACE, wait=0.5)
        check(wait_for(lambda: ', collapsed. ' in told(), 3), 'Space folds the lane, and says so', [told()])
        key(SPACE, wait=0.5)
        check(wait_for(lambda: ', expanded. ' in told(), 3), 'Space again unfolds it', [told()])
        key(ord('w'), wait=0.5)
        check(wait_for(lambda: told().startswith('Time window: '), 3),
              'w sets the time window to the selected event, and says its dates', [told()])
        key(ESCAPE, wait=0.5)
        check(wait_for(lambda: told().startswith('Time window cleared. '), 3), 'Escape clears it', [told()])
        check(focus_now() == timeline, 'the timeline keeps the keyboard', [describe(focus_now())])

        # Typed dates: Shift+W, the two fields, Return.
        key(ord('W'), SHIFT, wait=1)
        now = focus_now()
        check(now is not None and now.getRoleName() in ('entry', 'text') and now.name == 'From',
              'Shift+W puts the keyboard in the time window\'s "From" field', [describe(now)])
        key(ord('a'), CONTROL)
        type_text('2019')
        key(TAB, wait=1)
        now = focus_now()
        check(now is not None and now.name == 'To', 'Tab goes on to its "To" field', [describe(now)])
        key(ord('a'), CONTROL)
        type_text('2020-06')
        key(RETURN, wait=1)
        check(wait_for(lambda: told().startswith('Time window: ') and '2019' in told() and '2020' in told(), 3),
              'Return sets the typed time window, and the timeline says it', [told()])
        check(wait_for(lambda: focus_now() == timeline, 3), 'and the keyboard is back on the timeline',
              [describe(focus_now())])
    finally:
        weft_process.terminate()
        try:
            weft_process.wait(10)
        except subprocess.TimeoutExpired:
            weft_process.kill()


def main():
    if len(sys.argv) == 3 and sys.argv[1] == '--inner':
        inner(sys.argv[2])
        weft_tap.finish()
    if len(sys.argv) != 2:
        print(f'usage: {sys.argv[0]} WEFT', file=sys.stderr)
        sys.exit(2)
    outer(sys.argv[1])


if __name__ == '__main__':
    main()
