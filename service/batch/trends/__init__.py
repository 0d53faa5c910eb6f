"""Trends: topics found in a batch's emphases, named, and counted per side and quarter."""

from service.batch.trends.tally import UNDATED, TopicOut, Trends, to_csv, to_json, trends_of
from service.batch.trends.topics import Mention, Topic, TopicModel, find_topics

__all__ = [
    "UNDATED",
    "Mention",
    "Topic",
    "TopicModel",
    "TopicOut",
    "Trends",
    "find_topics",
    "to_csv",
    "to_json",
    "trends_of",
]
