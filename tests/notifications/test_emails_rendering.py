"""What the recorded scenario does not reach: the message's copy and sender settings, the
helpers' edge cases (checked against PHP and Parsedown), and what Kanboard does that this
server chose not to copy."""

from __future__ import annotations

import pytest

from accounts.config import set_config
from kanboard_site.php_html import markdown, number
from notifications.email_templates import change_items, render_notification
from notifications.emails import notification_email, notification_subject
from tests.factories import UserFactory

TASK = {
    "id": 7,
    "title": "T",
    "project_id": 3,
    "project_name": "P",
    "owner_id": 0,
    "color_id": "green",
    "date_started": 0,
}


@pytest.fixture
def bob(db):
    return UserFactory(username="bob", name="Bob", email="bob@example.org")


def test_mail_bcc_receives_a_copy_outside_the_headers(bob, smtp_server, settings):
    settings.MAIL_BCC = "audit@example.org"

    notification_email(bob, "task.close", {"task": TASK}, 0).send()

    [mail] = smtp_server.received
    assert mail["envelope_to"] == ["bob@example.org", "audit@example.org"]
    assert mail["headers"]["To"] == "Bob <bob@example.org>"
    assert "audit" not in str(mail["headers"])


def test_the_sender_address_setting_wins_over_mail_from(bob, smtp_server):
    set_config("mail_sender_address", "board@example.org")
    author = UserFactory(username="ann", email="")

    notification_email(bob, "task.close", {"task": TASK}, author.pk).send()

    [mail] = smtp_server.received
    assert mail["envelope_from"] == "board@example.org"
    # Kanboard's author name falls back on the username; no address, no Reply-To.
    assert mail["headers"]["From"] == "ann via Kanboard <board@example.org>"
    assert "Reply-To" not in mail["headers"]


def test_the_subject_of_overdue_tasks_names_the_projects_of_the_data():
    tasks = [{"id": 4, "title": "A"}, {"id": 5, "title": "B"}]
    data = {"tasks": tasks, "project_name": "P1, P2"}

    assert notification_subject("task.overdue", data) == "[P1, P2] 2 overdue tasks"


@pytest.mark.parametrize(
    ("text", "html"),
    [
        # Parsedown 1.7.4's output, as Kanboard configures it, for each text (a random
        # sample of 40,000 texts of Markdown's characters gave the same output too).
        ("It's &amp; &copy; & &#39; &x;", "<p>It's &amp; &copy; &amp; &#39; &x;</p>"),
        ("a  \r\nb   \n  c\n\n   \n\nd  ", "<p>a<br />\nb<br />\nc</p>\n<p>d  </p>"),
        ("  lead\n\ttab", "<p>lead<br />\ntab</p>"),
        ('50% "q" <x>', "<p>50% &quot;q&quot; &lt;x&gt;</p>"),
        ("", ""),
        (
            "**bold** _em_ `code` ~~gone~~",
            "<p><strong>bold</strong> <em>em</em> <code>code</code> <del>gone</del></p>",
        ),
        ("*a **b** c* snake_case_name", "<p><em>a <strong>b</strong> c</em> snake_case_name</p>"),
        ("`<b>&amp;</b>`", "<p><code>&lt;b&gt;&amp;amp;&lt;/b&gt;</code></p>"),
        (
            "see http://example.org/a?b=1&c=2 now",
            '<p>see <a href="http://example.org/a?b=1&amp;c=2">'
            "http://example.org/a?b=1&amp;c=2</a> now</p>",
        ),
        ("- item\n- two", "<ul>\n<li>item</li>\n<li>two</li>\n</ul>"),
        (
            "1. one\n2. two\n\n3. three",
            "<ol>\n<li>\n<p>one</p>\n</li>\n<li>\n<p>two</p>\n</li>\n<li>\n<p>three</p>\n</li>\n</ol>",
        ),
        (
            "# Title\nText\n\n> quoted\n> more",
            "<h1>Title</h1>\n<p>Text</p>\n<blockquote>\n<p>quoted<br />\nmore</p>\n</blockquote>",
        ),
        (
            "Header\n===\n\n    code <x>\n\n```php\n$a = 1;\n```",
            "<h1>Header</h1>\n<pre><code>code &lt;x&gt;</code></pre>\n"
            '<pre><code class="language-php">$a = 1;</code></pre>',
        ),
        (
            "| a | b |\n|:--|--:|\n| 1 | 2 |",
            '<table>\n<thead>\n<tr>\n<th style="text-align: left;">a</th>\n'
            '<th style="text-align: right;">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n'
            '<td style="text-align: left;">1</td>\n<td style="text-align: right;">2</td>\n'
            "</tr>\n</tbody>\n</table>",
        ),
        (
            "[a](http://x.org) ![i](http://x.org/i.png) [x](javascript:alert(1))",
            '<p><a href="http://x.org">a</a> <img src="http://x.org/i.png" alt="i" /> '
            '<a href="javascript%3Aalert(1)">x</a></p>',
        ),
        (
            "<me@example.org> <http://x.org/y>",
            '<p><a href="mailto:me@example.org">me@example.org</a> '
            '<a href="http://x.org/y">http://x.org/y</a></p>',
        ),
    ],
)
def test_markdown_of_paragraphs_is_parsedowns(text, html):
    assert markdown(text) == html


def test_markdown_links_to_definitions_are_left_as_text():
    """A difference kept: Parsedown links "[a][id]" to the URL an "[id]: url" line
    defines (here ``<p><a href="http://x.org">a</a></p>``); this server leaves the text
    (the definition line is hidden, as in Parsedown)."""
    assert markdown("[a][id]\n\n[id]: http://x.org") == "<p>[a][id]</p>"


def test_a_task_number_starts_no_header():
    """Kanboard's rule over Parsedown's: "#12" at the start of a line is a task."""
    assert markdown("#12 is not a header\n# but this is") == (
        "<p>#12 is not a header</p>\n<h1>but this is</h1>"
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0.125, "0.13"), (2.675, "2.68"), (1234.5, "1,234.50"), (0, "0.00"), ("3", "3.00")],
)
def test_numbers_are_formatted_as_php_number_format(value, shown):
    assert number(value) == shown


def test_a_link_label_with_a_percent_sign_is_printed_as_it_is(db):
    """A difference kept: Kanboard passes the label as a format to sprintf, which fails
    on "50% done" (ArgumentCountError), and the mail is not sent at all."""
    data = {"task": TASK, "task_link": {"opposite_task_id": 9, "label": "50% done"}}

    html = render_notification("task_internal_link.create_update", data)

    assert 'with the relation "50% done"</p>' in html


def test_changes_leave_out_a_start_date_set_to_zero_and_show_an_unknown_color_as_a_mark(db):
    task = {**TASK, "color_id": "mauve"}

    items = change_items({"date_started": 0, "color_id": "mauve", "owner_id": 0}, task)

    assert items == ["<li>New color: ?</li>", "<li>The task is not assigned anymore</li>"]
