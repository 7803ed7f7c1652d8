"""What users do. Plain Python; every function takes the session first and never commits."""
