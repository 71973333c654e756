from crawler.cli.app import main

main()
