<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name></name>
    <message>
        <location filename="../../src/movebreak/ui/checkin_window.py" line="25"/>
        <source>movebreak: back check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/checkin_window.py" line="27"/>
        <source>Back check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/checkin_window.py" line="39"/>
        <source>{score} of 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/checkin_window.py" line="45"/>
        <source>Today&apos;s movement sets your answers beside your movement, so you can see whether moving more goes with feeling better. It stays on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/checkin_window.py" line="51"/>
        <source>&amp;Not today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/figure.py" line="36"/>
        <source>Demonstration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/figure.py" line="37"/>
        <source>A stick figure showing how to do the exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/figure.py" line="49"/>
        <source>A stick figure showing how to do {exercise}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/library_window.py" line="44"/>
        <source>movebreak: exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/library_window.py" line="45"/>
        <source>Exercise library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/library_window.py" line="50"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/library_window.py" line="52"/>
        <source>Body area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/library_window.py" line="53"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/library_window.py" line="55"/>
        <location filename="../../src/movebreak/ui/settings_window.py" line="46"/>
        <source>Exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/library_window.py" line="70"/>
        <source>&amp;Favourite: offer it more often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/library_window.py" line="73"/>
        <source>&amp;Hide: never offer it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/library_window.py" line="76"/>
        <source>&amp;Try it now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/library_window.py" line="88"/>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/library_window.py" line="97"/>
        <source>&amp;Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/library_window.py" line="98"/>
        <source>&amp;Body area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/library_window.py" line="99"/>
        <source>&amp;Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/library_window.py" line="128"/>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="125"/>
        <source>&amp;Red-flag symptoms…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/library_window.py" line="193"/>
        <source>No exercise matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="67"/>
        <source>&amp;Easy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="68"/>
        <source>&amp;OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="69"/>
        <source>&amp;Hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="70"/>
        <source>It h&amp;urt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="95"/>
        <source>movebreak: time to move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="97"/>
        <source>Movement prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="128"/>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="132"/>
        <source>Time done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="134"/>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="264"/>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="135"/>
        <source>&amp;Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="136"/>
        <source>S&amp;nooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="137"/>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="127"/>
        <source>S&amp;kip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="139"/>
        <source>&amp;Another exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="174"/>
        <source>Rate {answer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="187"/>
        <source>Did you do it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="188"/>
        <source>&amp;Yes, I did it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="190"/>
        <source>Yes, I did it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="192"/>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="194"/>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="264"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="420"/>
        <source>Press Start when you begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/about_box.py" line="27"/>
        <source>About movebreak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/about_box.py" line="32"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/about_box.py" line="33"/>
        <source>Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/about_box.py" line="34"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/about_box.py" line="39"/>
        <source>movebreak {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/about_box.py" line="41"/>
        <source>Gets people who sit at a computer all day to move, a little and often.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/about_box.py" line="45"/>
        <source>It keeps only when you last typed or moved the mouse, never which key or what text, opens no network connection, and keeps its files on this computer, readable by you alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/about_box.py" line="51"/>
        <source>Free software under the GNU GPL, version 3 or later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/about_box.py" line="57"/>
        <source>Open &amp;log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/about_box.py" line="62"/>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="178"/>
        <location filename="../../src/movebreak/ui/red_flags_box.py" line="49"/>
        <location filename="../../src/movebreak/ui/settings_window.py" line="133"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="82"/>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="180"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="280"/>
        <source>Well done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="282"/>
        <source>How was it? Your answer sets how hard the next ones are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="303"/>
        <source>Take care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/prompt_window.py" line="304"/>
        <source>Stop if it hurts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="41"/>
        <source>seated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="42"/>
        <source>standing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="43"/>
        <source>moving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="44"/>
        <source>away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="45"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="49"/>
        <location filename="../../src/movebreak/ui/settings_window.py" line="43"/>
        <source>Breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="50"/>
        <source>Prompts done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="51"/>
        <source>Snoozed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="52"/>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="53"/>
        <source>Longest seated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="54"/>
        <source>Seated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="55"/>
        <source>Standing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="56"/>
        <source>Away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="57"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="58"/>
        <source>Days at goal in a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="59"/>
        <source>Back (0-10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="67"/>
        <location filename="../../src/movebreak/ui/review_window.py" line="295"/>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="68"/>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="93"/>
        <source>Movement against your goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="100"/>
        <source>{moved} of {goal} minutes moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="124"/>
        <source>{moved}
of {goal} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="137"/>
        <source>The day&apos;s timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="147"/>
        <source>Nothing was recorded on this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="153"/>
        <source>{kind}: {minutes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="158"/>
        <source>Time by state over the day: {parts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="595"/>
        <source>Movement by computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="145"/>
        <source>Your day will show here: seated, standing, moving and away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="259"/>
        <source>Goal reached on {at_goal} of {days} days; {average} a day on average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="276"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="299"/>
        <source>goal {minutes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="407"/>
        <source>Movement and back, by week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="414"/>
        <source>week of {date}: {movement} a day, back {back}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="417"/>
        <location filename="../../src/movebreak/ui/review_window.py" line="632"/>
        <source>not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="438"/>
        <source>By week: movement a day (bars, minutes) and back (line, 0-10, lower is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="487"/>
        <source>Answer the check-in on a few days at goal and a few below it, and this compares them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="490"/>
        <source>Back on days you reached your goal: {at_goal} on average ({at_goal_days} days); other days: {below_goal} ({below_goal_days} days). Lower is better.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="505"/>
        <source>this computer ({name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="510"/>
        <source>{computer}: moved {moved} min, seated {seated} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="516"/>
        <source>By computer: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="535"/>
        <source>movebreak: today&apos;s movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="538"/>
        <source>◀ &amp;Previous day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="539"/>
        <source>Previous day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="541"/>
        <source>&amp;Next day ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="542"/>
        <source>Next day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="575"/>
        <source>Colours of the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="577"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="578"/>
        <source>Your first week&apos;s movement will show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="582"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="582"/>
        <source>Your first month will show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/review_window.py" line="590"/>
        <source>Colours of the charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="39"/>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="39"/>
        <source>Monday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="40"/>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="40"/>
        <source>Tuesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="41"/>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="41"/>
        <source>Wednesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="42"/>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="42"/>
        <source>Thursday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="43"/>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="43"/>
        <source>Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="44"/>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="44"/>
        <source>Saturday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="45"/>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="45"/>
        <source>Sunday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="243"/>
        <source>Find an exercise…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="244"/>
        <source>Find an exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="316"/>
        <source>None chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="318"/>
        <source>Chosen: {titles}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="320"/>
        <source>{count} more not in the library, kept as written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="396"/>
        <source>All day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="402"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="403"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="405"/>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/setting_editors.py" line="405"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/settings_window.py" line="44"/>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/settings_window.py" line="45"/>
        <source>Standing desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/settings_window.py" line="47"/>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/settings_window.py" line="48"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/settings_window.py" line="49"/>
        <source>Privacy &amp; data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/settings_window.py" line="50"/>
        <source>Several computers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/settings_window.py" line="53"/>
        <source>movebreak keeps only &lt;i&gt;when&lt;/i&gt; you last typed or moved the mouse, never which key, what text or where the pointer was. It opens no network connection. Your settings, journal and log are files on this computer, readable by you alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/about_box.py" line="57"/>
        <location filename="../../src/movebreak/ui/settings_window.py" line="58"/>
        <source>Open &amp;data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/settings_window.py" line="57"/>
        <source>Write times like 45s, 30m or 1h30m.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/settings_window.py" line="58"/>
        <source>Open lo&amp;g folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/settings_window.py" line="107"/>
        <source>movebreak settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/settings_window.py" line="112"/>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/settings_window.py" line="130"/>
        <source>&amp;Open config.toml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/settings_window.py" line="136"/>
        <source>Changes apply at once and are saved to config.toml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/settings_window.py" line="171"/>
        <source>This computer&apos;s device id: {device}. Its files in the shared folder are in the folder of that name; the folder holds times, exercise ids and minutes, never what you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/settings_window.py" line="199"/>
        <source>Start movebreak when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/settings_window.py" line="228"/>
        <source>Reset this page to defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/settings_window.py" line="254"/>
        <source>Open the exercise &amp;library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/settings_window.py" line="302"/>
        <source>{problem}. Not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/tray.py" line="42"/>
        <source>movebreak menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="39"/>
        <location filename="../../src/movebreak/ui/tray.py" line="43"/>
        <source>movebreak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="55"/>
        <location filename="../../src/movebreak/ui/tray.py" line="46"/>
        <source>Take a break now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="65"/>
        <location filename="../../src/movebreak/ui/tray.py" line="47"/>
        <source>Pause prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="68"/>
        <location filename="../../src/movebreak/ui/tray.py" line="49"/>
        <source>For 30 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="69"/>
        <location filename="../../src/movebreak/ui/tray.py" line="50"/>
        <source>For 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="70"/>
        <location filename="../../src/movebreak/ui/tray.py" line="51"/>
        <source>For 2 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="71"/>
        <location filename="../../src/movebreak/ui/tray.py" line="52"/>
        <source>Until tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="76"/>
        <location filename="../../src/movebreak/ui/tray.py" line="56"/>
        <source>Resume prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="91"/>
        <source>movebreak is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="94"/>
        <source>Everything from the tray menu is here too. From a terminal: movebreak status, movebreak show, movebreak quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="99"/>
        <source>movebreak is running, but this desktop shows no tray icons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="104"/>
        <source>It still notices how long you sit and still shows its prompts; there is just no icon to click.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="108"/>
        <source>To get the icon: on GNOME, install the AppIndicator extension (package gnome-shell-extension-appindicator), turn it on in Extensions and log in again. On other desktops, add the panel&apos;s system tray or status notifier applet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="114"/>
        <source>Until then, the buttons below do what the tray menu does, and so do the launcher&apos;s right-click actions. From a terminal: movebreak status shows the seated time, movebreak show opens this window again, movebreak quit stops movebreak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="119"/>
        <source>This note is shown only once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/tray.py" line="59"/>
        <source>I&apos;m standing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="56"/>
        <location filename="../../src/movebreak/ui/tray.py" line="64"/>
        <source>Today&apos;s movement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/tray.py" line="65"/>
        <source>How&apos;s your back today?…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="57"/>
        <location filename="../../src/movebreak/ui/tray.py" line="68"/>
        <source>Exercise library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="58"/>
        <location filename="../../src/movebreak/ui/tray.py" line="69"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/tray.py" line="70"/>
        <source>Welcome and safety…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/tray.py" line="71"/>
        <source>About movebreak…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/controls_window.py" line="59"/>
        <location filename="../../src/movebreak/ui/tray.py" line="72"/>
        <source>Quit movebreak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="29"/>
        <source>Has a doctor said you have a heart condition, or that you should only do activity they recommend?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="36"/>
        <source>Do you get chest pain or pressure when you are active, or have you had it recently at rest?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="42"/>
        <source>Do you lose your balance because of dizziness, or have you fainted recently?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="47"/>
        <source>Do you have a bone, joint or back problem that activity has made worse, or a recent injury or operation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="53"/>
        <source>Are you taking medicine for blood pressure or a heart condition?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="57"/>
        <source>Are you pregnant or have you given birth in the last 6 months?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="60"/>
        <source>Is there any other reason you think you should not be more active?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="63"/>
        <source>Please check with a health professional before increasing your activity. Until then movebreak keeps suggestions gentle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="89"/>
        <source>Welcome to movebreak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="92"/>
        <source>&lt;b&gt;movebreak gets you moving between stretches of sitting.&lt;/b&gt;&lt;br&gt;It notices &lt;i&gt;when&lt;/i&gt; you last typed or moved the mouse, never what you typed or where the pointer was, and keeps everything on this computer. After about 30 minutes of sitting it suggests a short exercise at a moment that does not break your flow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="100"/>
        <source>I &amp;work sitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="102"/>
        <source>I have a sit-stand &amp;desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="107"/>
        <source>&lt;b&gt;A few yes/no questions&lt;/b&gt; (tick any that apply; you can skip them):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="118"/>
        <source>Ask me once a day how my back feels (0-10), to see whether moving more goes with feeling better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="129"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="138"/>
        <source>&lt;b&gt;Your desk&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/welcome_window.py" line="146"/>
        <source>&lt;b&gt;Optional&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/app/application.py" line="118"/>
        <source>movebreak: some exercises were left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/app/application.py" line="161"/>
        <source>…and {count} more in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/app/application.py" line="166"/>
        <source>movebreak: problems in your settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/app/application.py" line="259"/>
        <source>Time to move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/app/application.py" line="260"/>
        <source>{exercise}. Click here to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/red_flags_box.py" line="33"/>
        <location filename="../../src/movebreak/ui/red_flags_box.py" line="43"/>
        <location filename="../../src/movebreak/ui/red_flags_box.py" line="46"/>
        <source>Red-flag symptoms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/ui/red_flags_box.py" line="41"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/app/application.py" line="458"/>
        <source>movebreak: not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/app/launch.py" line="212"/>
        <source>movebreak: journal not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/app/launch.py" line="214"/>
        <source>movebreak: new journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/movebreak/app/settings_flow.py" line="156"/>
        <source>Not saved: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
