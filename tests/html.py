"""Reading a response as a page: the tests assert on what a user sees, not on markup."""

from bs4 import BeautifulSoup


def soep(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")
