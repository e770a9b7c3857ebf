"""Duidu (对读): the pipeline that turns raw scraped Chinese articles into a reading site."""
