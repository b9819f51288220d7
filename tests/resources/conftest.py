import pytest

from tests.factories import TopicFactory


@pytest.fixture
def topics():
    return {
        "goals": TopicFactory(name="Goal setting", slug="goal-setting"),
        "sleep": TopicFactory(name="Sleep", slug="sleep"),
        "money": TopicFactory(name="Money", slug="money"),
    }
