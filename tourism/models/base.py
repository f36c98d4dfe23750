"""What every tourism page type shares: stream and JSON-LD helpers."""


def stream_page_ids(stream, block_type, key=None):
    """Page ids chosen in a StreamField, read from raw data without loading the pages.

    `key` names the struct child holding the id; without it the block itself is
    the page chooser.
    """
    ids = []
    for block in stream.raw_data:
        if block["type"] != block_type:
            continue
        value = block["value"] if key is None else (block["value"] or {}).get(key)
        if value:
            ids.append(value)
    return ids


def image_json_ld(image, request):
    """Absolute URL of `image` for schema.org `image`.

    The same rendition as the Open Graph image (includes/meta.html), so that
    no extra file is made for it.
    """
    if image is None:
        return None
    rendition = image.get_rendition("fill-1200x630|format-jpeg")
    return request.build_absolute_uri(rendition.url)
