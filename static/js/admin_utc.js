// The draw admin's tie-break and run times are typed in UTC, as IRCC publishes them. Django's
// "Now" and "Today" shortcuts fill the server's time zone (Toronto) instead, so "Now" put a
// Toronto time into a UTC field. For inputs marked data-time-zone="UTC" they fill UTC, and
// Django's "you are N hours behind server time" note is replaced by one about UTC.
'use strict';
window.addEventListener('load', function() {
    const shortcuts = window.DateTimeShortcuts;
    if (!shortcuts) {
        return;
    }
    const inUTC = (input) => input.dataset.timeZone === 'UTC';
    // A Date whose local fields read as UTC, for Django's own strftime and input formats.
    const utcNow = function() {
        const now = new Date();
        return new Date(now.getTime() + now.getTimezoneOffset() * 60000);
    };

    const clockQuicklink = shortcuts.handleClockQuicklink;
    shortcuts.handleClockQuicklink = function(num, val) {
        const input = shortcuts.clockInputs[num];
        if (val !== -1 || !inUTC(input)) {
            return clockQuicklink.call(shortcuts, num, val);
        }
        input.value = utcNow().strftime(get_format('TIME_INPUT_FORMATS')[0]);
        input.focus();
        shortcuts.dismissClock(num);
    };

    const calendarQuickLink = shortcuts.handleCalendarQuickLink;
    shortcuts.handleCalendarQuickLink = function(num, offset) {
        const input = shortcuts.calendarInputs[num];
        if (!inUTC(input)) {
            return calendarQuickLink.call(shortcuts, num, offset);
        }
        const day = utcNow();
        day.setDate(day.getDate() + offset);
        input.value = day.strftime(get_format('DATE_INPUT_FORMATS')[0]);
        input.focus();
        shortcuts.dismissCalendar(num);
    };

    const hours = -new Date().getTimezoneOffset() / 60;
    // The admin's own JavaScript catalogue (admin/jsi18n/) also holds the project's strings.
    let relation = gettext('on UTC');
    if (hours) {
        relation = hours > 0
            ? interpolate(gettext('%(hours)s h ahead of UTC'), {hours: hours}, true)
            : interpolate(gettext('%(hours)s h behind UTC'), {hours: -hours}, true);
    }
    // Said even when the computer is on Toronto time: Django then shows no note at all.
    const text = interpolate(
        gettext('In UTC, as IRCC publishes it; "Now" and "Today" fill UTC (your computer is %(relation)s).'),
        {relation: relation}, true);
    for (const input of document.querySelectorAll('input[data-time-zone="UTC"]')) {
        let note = input.parentNode.querySelector('.timezonewarning');
        if (!note) {
            note = document.createElement('div');
            note.classList.add('help', 'timezonewarning');
            input.parentNode.appendChild(note);
        }
        note.textContent = text;
    }
});
