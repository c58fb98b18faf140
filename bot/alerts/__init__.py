"""Between sessions: alerts to subscribers by forum and alert type,
consultations, and the postcode areas that find a forum."""
