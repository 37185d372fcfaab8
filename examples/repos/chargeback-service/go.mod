module git.example.com/acme/chargeback-service

go 1.22

require (
	github.com/jackc/pgx/v5 v5.5.5
	go.uber.org/zap v1.27.0
)
