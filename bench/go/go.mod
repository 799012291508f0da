module mapcheck/bench

go 1.19
