/// One sentence: an exact, trimmed span of the document's text.
public typealias Sentence = TextSpan
