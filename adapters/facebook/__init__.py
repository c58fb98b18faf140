"""Facebook Messenger: a Page's private conversations with residents, a thin
adapter over the Graph API with aiohttp; the web side serves its webhook."""
