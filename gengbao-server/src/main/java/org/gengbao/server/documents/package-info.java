/**
 * Numbered legal documents (domain.md §5): each is rendered as a PDF with an embedded CJK font, numbered per county,
 * year and document type, stored in the evidence store (content-addressed, immutable) and listed per case.
 */
package org.gengbao.server.documents;
